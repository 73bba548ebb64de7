import { AppShell, Burger, Button, Group, Menu, NavLink, Text, Title, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconChevronDown,
  IconDashboard,
  IconDeviceTv,
  IconFolders,
  IconKey,
  IconLogout,
  IconPackages,
  IconUsers,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, Outlet, useLocation } from "react-router";

export interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Dashboard", icon: <IconDashboard size={18} /> },
  { to: "/channels", label: "Channels", icon: <IconDeviceTv size={18} /> },
  { to: "/groups", label: "Groups", icon: <IconFolders size={18} /> },
  { to: "/packages", label: "Packages & Tariffs", icon: <IconPackages size={18} /> },
  { to: "/users", label: "Users", icon: <IconUsers size={18} /> },
];

export const SETTINGS_ITEMS: NavItem[] = [{ to: "/settings/api-keys", label: "API keys", icon: <IconKey size={18} /> }];

function isActive(pathname: string, to: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}

export function AppLayout({
  adminName,
  onLogout,
  loggingOut,
  settingsItems = [],
}: {
  adminName: string;
  onLogout: () => void;
  loggingOut: boolean;
  settingsItems?: NavItem[];
}) {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to="/">
              <Title order={3}>Playlist Service</Title>
            </UnstyledButton>
          </Group>
          <Group gap="xs">
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label="Admin menu">
                  <Group gap={4}>
                    <Text fw={500} dir="auto">
                      {adminName}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>Signed in as {adminName}</Menu.Label>
                {settingsItems.map((item) => (
                  <Menu.Item key={item.to} component={Link} to={item.to} leftSection={item.icon}>
                    {item.label}
                  </Menu.Item>
                ))}
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={onLogout}>
                  Logout
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconLogout size={16} />}
              onClick={onLogout}
              loading={loggingOut}
            >
              Logout
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            active={isActive(pathname, item.to)}
            onClick={close}
          />
        ))}
        {settingsItems.length > 0 && (
          <>
            <Text size="xs" c="dimmed" mt="md" mb={4} px="sm" tt="uppercase" fw={600}>
              Settings
            </Text>
            {settingsItems.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={item.icon}
                active={isActive(pathname, item.to)}
                onClick={close}
              />
            ))}
          </>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
