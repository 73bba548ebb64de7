import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { restrictToVerticalAxis } from "./restrict";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ActionIcon, Table } from "@mantine/core";
import { IconGripVertical } from "@tabler/icons-react";
import type { CSSProperties, ReactNode } from "react";

/** A table body whose rows can be reordered by dragging their handle (or Space + arrows on it). */
export function SortableBody({
  ids,
  onMove,
  children,
}: {
  ids: number[];
  onMove: (activeId: number, overId: number) => void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    if (over && active.id !== over.id) onMove(Number(active.id), Number(over.id));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[restrictToVerticalAxis]}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: {
          draggable: "To reorder, press Space or Enter on the handle, move with the arrow keys, and press Space again to drop.",
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <Table.Tbody>{children}</Table.Tbody>
      </SortableContext>
    </DndContext>
  );
}

/** One draggable row; `handleLabel` names the row for screen readers ("Drag Первый канал"). */
export function SortableRow({
  id,
  disabled = false,
  handleLabel,
  children,
  style,
  ...rest
}: {
  id: number;
  disabled?: boolean;
  handleLabel: string;
  children: ReactNode;
  style?: CSSProperties;
} & Omit<React.ComponentProps<typeof Table.Tr>, "children" | "style" | "id">) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });
  const rowStyle: CSSProperties = {
    ...style,
    transform: CSS.Translate.toString(transform),
    transition,
    position: "relative",
    zIndex: isDragging ? 2 : undefined,
    boxShadow: isDragging ? "var(--mantine-shadow-md)" : undefined,
    background: isDragging ? "var(--mantine-color-body)" : style?.background,
  };
  return (
    <Table.Tr ref={setNodeRef} style={rowStyle} data-row-id={id} {...rest}>
      <Table.Td w={36}>
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          aria-label={`Drag to reorder: ${handleLabel}`}
          disabled={disabled}
          style={{ cursor: disabled ? "not-allowed" : "grab", touchAction: "none" }}
          data-drag-handle
          {...attributes}
          {...listeners}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
      </Table.Td>
      {children}
    </Table.Tr>
  );
}
