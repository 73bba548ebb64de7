import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError, errorMessage } from "@/api/errors";
import { safeNext } from "@/lib/safe-next";
import { sessionQueryOptions, useLogin } from "../api/session";

function loginFailureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "INVALID_CREDENTIALS") return "Invalid username or password.";
    if (error.status === 429) return errorMessage(error);
  }
  return errorMessage(error);
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const session = useQuery(sessionQueryOptions);
  const login = useLogin();
  const form = useForm({
    initialValues: { username: "", password: "" },
    validate: {
      username: (v) => (v.trim() ? null : "Enter your username"),
      password: (v) => (v ? null : "Enter your password"),
    },
  });

  if (session.data) return <Navigate to={next} replace />;

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form
          onSubmit={form.onSubmit((values) =>
            login.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) }),
          )}
          noValidate
        >
          <Stack>
            <Title order={2} ta="center">
              Playlist Service
            </Title>
            <TextInput label="Username" autoComplete="username" autoFocus {...form.getInputProps("username")} />
            <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps("password")} />
            {login.isError && (
              <Alert color="red" role="alert" title={login.error instanceof ApiError && login.error.status === 429 ? "Too many attempts" : "Sign-in failed"}>
                {loginFailureText(login.error)}
              </Alert>
            )}
            <Button type="submit" loading={login.isPending} fullWidth>
              Sign In
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
