import { Anchor, Group, Pagination, Select, Text } from "@mantine/core";
import { plural } from "@/components/confirm-dialog";

export function PaginationBar({
  page,
  pages,
  total,
  perPage,
  onPage,
  onPerPage,
  noun = "row",
}: {
  page: number;
  pages: number;
  total: number;
  perPage: number;
  onPage: (page: number) => void;
  onPerPage?: (perPage: number) => void;
  noun?: string;
}) {
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {plural(total, noun)}
      </Text>
      <Group gap="sm">
        {onPerPage && (
          <Select
            aria-label="Rows per page"
            size="xs"
            w={90}
            data={["20", "50", "100", "200"]}
            value={String(perPage)}
            onChange={(v) => v && onPerPage(Number(v))}
            allowDeselect={false}
          />
        )}
        <Pagination
          total={Math.max(pages, 1)}
          value={page}
          onChange={onPage}
          withEdges={false}
          getControlProps={(control) => ({ "aria-label": control === "previous" ? "Previous page" : "Next page" })}
          getItemProps={(p) => ({ "aria-label": `Page ${p}` })}
        />
      </Group>
    </Group>
  );
}

/**
 * What an empty list page says: nothing at all yet, nothing matching the filters, or (briefly,
 * until useClampPage moves on) a page past the end.
 */
export function EmptyListText({
  total,
  filtered,
  noun,
  empty,
  onFirstPage,
}: {
  total: number;
  filtered: boolean;
  noun: string;
  empty?: string;
  onFirstPage: () => void;
}) {
  return (
    <Text c="dimmed" ta="center" p="lg">
      {total > 0 ? (
        <>
          No {noun} on this page.{" "}
          <Anchor component="button" type="button" onClick={onFirstPage}>
            Go to page 1
          </Anchor>
        </>
      ) : filtered ? (
        `No ${noun} match these filters.`
      ) : (
        (empty ?? `No ${noun} yet.`)
      )}
    </Text>
  );
}
