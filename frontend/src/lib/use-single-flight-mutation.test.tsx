import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { useSingleFlightMutation } from "./use-single-flight-mutation";

function deferred() {
  let resolve: (value: string) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Let TanStack Query reach mutationFn (it awaits onMutate first). */
async function settle() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

function setup() {
  const calls: ReturnType<typeof deferred>[] = [];
  const onSuccess = vi.fn();
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const hook = renderHook(
    () =>
      useSingleFlightMutation({
        mutationFn: (n: number) => {
          const call = deferred();
          calls.push(call);
          return call.promise.then((v) => `${v}${n}`);
        },
      }),
    { wrapper },
  );
  return { hook, calls, onSuccess };
}

describe("useSingleFlightMutation", () => {
  it("ignores a second mutate() while the first is in flight (a double click)", async () => {
    const { hook, calls, onSuccess } = setup();
    act(() => {
      hook.result.current.mutate(1, { onSuccess });
      hook.result.current.mutate(2, { onSuccess });
    });
    await settle();
    expect(calls).toHaveLength(1);
    expect(hook.result.current.isPending).toBe(true);
    await act(async () => {
      calls[0]?.resolve("done");
      await calls[0]?.promise;
    });
    await waitFor(() => expect(hook.result.current.isPending).toBe(false));
    // The first call's own callbacks ran (TanStack would have run only the ignored second call's).
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0]).toBe("done1");

    act(() => hook.result.current.mutate(3));
    await settle();
    expect(calls).toHaveLength(2);
  });

  it("lets the next call through after a failure", async () => {
    const { hook, calls } = setup();
    act(() => hook.result.current.mutate(1));
    await settle();
    await act(async () => {
      calls[0]?.reject(new Error("boom"));
      await calls[0]?.promise.catch(() => undefined);
    });
    await waitFor(() => expect(hook.result.current.isPending).toBe(false));
    expect(hook.result.current.error?.message).toBe("boom");
    act(() => hook.result.current.mutate(2));
    await settle();
    expect(calls).toHaveLength(2);
  });
});
