import { Anchor, Skeleton, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { uiSettingsOptions } from "@/api/queries/lookups";
import { NotFoundPage } from "@/components/not-found-page";
import { QueryError } from "@/components/query-error";
import { ApiError } from "@/api/errors";
import { userOptions } from "../api/users";
import { UserForm } from "./user-form";

function BackLink() {
  return (
    <Anchor component={Link} to="/users" size="sm">
      <IconArrowLeft size={14} style={{ verticalAlign: "middle" }} /> Back to Users
    </Anchor>
  );
}

export function NewUserPage() {
  const settings = useQuery(uiSettingsOptions);
  return (
    <Stack>
      <BackLink />
      {settings.isPending && <Skeleton h={400} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <UserForm user={null} zone={settings.data.operator_timezone} />}
    </Stack>
  );
}

export function UserPage() {
  const { id } = useParams();
  const userId = Number(id);
  const valid = Number.isInteger(userId) && userId > 0;
  const settings = useQuery(uiSettingsOptions);
  const user = useQuery({ ...userOptions(userId), enabled: valid });
  if (!valid || (user.error instanceof ApiError && user.error.status === 404)) return <NotFoundPage />;
  return (
    <Stack>
      <BackLink />
      {(user.isPending || settings.isPending) && <Skeleton h={400} />}
      {user.isError && <QueryError error={user.error} onRetry={() => void user.refetch()} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {user.data && settings.data && (
        // Remount the form when another user is shown (not when this one refetches).
        <UserForm key={user.data.id} user={user.data} zone={settings.data.operator_timezone} />
      )}
    </Stack>
  );
}
