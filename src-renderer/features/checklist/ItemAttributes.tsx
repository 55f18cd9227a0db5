/**
 * What the plan printed with an item besides its text: its label as printed ("a)", "1.1.")
 * beside the stable id, and its attributes ("Thời gian thực hiện: Quý I/2025", "Bộ phận chủ
 * trì: …") under it, as printed.
 */
import type { PlanNode } from '@domain/plan-types';
import { printedLabel } from '@domain/plan-tree';
import './checklist-attributes.css';

/** The printed label of a node and a space (part of the item's accessible name), or nothing. */
export function ItemLabel({ node }: { node: Pick<PlanNode, 'label'> }) {
  const label = printedLabel(node);
  return label ? (
    <>
      <span className="item-label">{label}</span>{' '}
    </>
  ) : null;
}

/** The node's attributes as a description list, or nothing when it has none. */
export function ItemAttributes({ node, id }: { node: Pick<PlanNode, 'attributes'>; id?: string }) {
  const attributes = node.attributes ?? [];
  if (attributes.length === 0) return null;
  return (
    <dl className="item-attributes" id={id}>
      {attributes.map((a, i) => (
        <div key={i} className="item-attribute">
          <dt>{a.name}:</dt>
          <dd>{a.value}</dd>
        </div>
      ))}
    </dl>
  );
}
