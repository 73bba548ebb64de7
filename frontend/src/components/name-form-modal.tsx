import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect, type ReactNode } from "react";
import { fieldErrors } from "@/api/errors";

export interface NameFormValues {
  name: string;
  description: string;
}

/**
 * Add/edit modal for a named thing (group, package, tariff): Name (+ optional Description and
 * extra fields), [Cancel] [Save]. API field errors land on their inputs; others show above the buttons.
 */
export function NameFormModal({
  opened,
  title,
  initial,
  withDescription = false,
  saving,
  error,
  onSubmit,
  onClose,
  children,
  extraFields = [],
  noun,
}: {
  opened: boolean;
  title: string;
  initial: NameFormValues;
  withDescription?: boolean;
  saving: boolean;
  error: unknown;
  onSubmit: (values: NameFormValues) => void;
  onClose: () => void;
  children?: ReactNode;
  extraFields?: string[];
  /** What is being named ("group"), for messages such as "A group with this name already exists". */
  noun: string;
}) {
  const form = useForm<NameFormValues>({
    initialValues: initial,
    validate: { name: (v) => (v.trim() ? null : "Enter a name") },
  });
  const { setValues, resetDirty, clearErrors, setErrors } = form;
  useEffect(() => {
    if (opened) {
      setValues(initial);
      resetDirty(initial);
      clearErrors();
    }
    // Reset only when the dialog opens for another record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, initial.name, initial.description]);

  const mapped = error ? fieldErrors(error, ["name", "description", ...extraFields], {}, { noun }) : null;
  useEffect(() => {
    if (mapped && Object.keys(mapped.fields).length > 0) setErrors(mapped.fields);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);

  return (
    <Modal opened={opened} onClose={() => !saving && onClose()} title={title} centered>
      <form onSubmit={form.onSubmit((values) => onSubmit({ ...values, name: values.name.trim() }))} noValidate>
        <Stack>
          <TextInput label="Name" required dir="auto" data-autofocus maxLength={100} {...form.getInputProps("name")} />
          {withDescription && (
            <Textarea label="Description" dir="auto" autosize minRows={2} {...form.getInputProps("description")} />
          )}
          {children}
          {mapped?.rest && (
            <Alert color="red" role="alert">
              {mapped.rest}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
