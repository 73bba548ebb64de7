import { AppShell, Burger, Button, Group, Menu, NavLink, Text, Title, UnstyledButton } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
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
import { useState, type MouseEvent, type ReactNode } from "react";
import { Link, Outlet, useLocation } from "react-router";
import classes from "./app-layout.module.css";

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

export const MAIN_CONTENT_ID = "main-content";
// Below this width the sidebar starts collapsed: the channels and users tables need the room
// (at 1024px a 220px sidebar left them 770px and pushed Status/Edit/Playlist off-screen).
const WIDE_QUERY = "(min-width: 75em)";
const BESIDE_QUERY = "(min-width: 48em)"; // Mantine's `sm`: from here the sidebar sits beside the page

/**
 * Sidebar state: on phones (below `sm`) a drawer; from `sm` on beside the page, open by default
 * only from 1200px. The admin's own toggle holds until the window crosses 1200px.
 */
function useSidebar() {
  const wide = useMediaQuery(WIDE_QUERY, undefined, { getInitialValueInEffect: false });
  const beside = useMediaQuery(BESIDE_QUERY, undefined, { getInitialValueInEffect: false });
  const [mobileOpened, mobile] = useDisclosure();
  const [choice, setChoice] = useState<{ wide: boolean; opened: boolean } | null>(null);
  const desktopOpened = choice && choice.wide === wide ? choice.opened : wide;
  return {
    mobileOpened,
    desktopOpened,
    /** Off-screen: its links must not be Tab stops. */
    hidden: beside ? !desktopOpened : !mobileOpened,
    toggleMobile: mobile.toggle,
    toggleDesktop: () => setChoice({ wide, opened: !desktopOpened }),
    /** After following a link: a drawer, or a sidebar the admin opened on a narrow window, closes. */
    afterNavigate: () => {
      mobile.close();
      if (!wide) setChoice(null);
    },
  };
}

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // Move the focus without adding a #fragment history entry.
  event.preventDefault();
  document.getElementById(MAIN_CONTENT_ID)?.focus();
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
  const sidebar = useSidebar();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !sidebar.mobileOpened, desktop: !sidebar.desktopOpened } }}
      padding="md"
    >
      <a href={`#${MAIN_CONTENT_ID}`} className={classes.skipLink} onClick={skipToContent}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={sidebar.mobileOpened}
              onClick={sidebar.toggleMobile}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={sidebar.mobileOpened}
            />
            <Burger
              opened={sidebar.desktopOpened}
              onClick={sidebar.toggleDesktop}
              visibleFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={sidebar.desktopOpened}
            />
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
      <AppShell.Navbar p="xs" aria-label="Main navigation" inert={sidebar.hidden}>
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            active={isActive(pathname, item.to)}
            onClick={sidebar.afterNavigate}
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
                onClick={sidebar.afterNavigate}
              />
            ))}
          </>
        )}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
