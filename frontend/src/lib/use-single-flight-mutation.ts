import {
  useMutation,
  type DefaultError,
  type UseMutateFunction,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";

export type SingleFlightMutation<TData, TError, TVariables, TContext> = Omit<
  UseMutationResult<TData, TError, TVariables, TContext>,
  "isPending"
> & {
  /** True from the click that started the call (TanStack's own follows a tick later) until it settles. */
  isPending: boolean;
};

/**
 * useMutation whose `mutate` does nothing while a call from this hook is in flight. A double click
 * reaches the handler twice before `isPending` re-renders the button as busy, and TanStack Query
 * would send both requests (and run only the second call's callbacks); a ref is set synchronously.
 * `mutateAsync` is left unguarded for callers that really want parallel calls.
 */
export function useSingleFlightMutation<TData = unknown, TError = DefaultError, TVariables = void, TContext = unknown>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
): SingleFlightMutation<TData, TError, TVariables, TContext> {
  const mutation = useMutation(options);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const { mutateAsync } = mutation;
  const mutate: UseMutateFunction<TData, TError, TVariables, TContext> = useCallback(
    (...args) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      mutateAsync(...args)
        // The error is the mutation's state (and the global or per-call onError shows it).
        .catch(() => undefined)
        .finally(() => {
          inFlight.current = false;
          setBusy(false);
        });
    },
    [mutateAsync],
  );
  return { ...mutation, mutate, isPending: mutation.isPending || busy };
}
