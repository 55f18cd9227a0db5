/**
 * The plan as a collapsible tree: parts ("Phần thứ…"), sections (I, II, III…) and task groups
 * (1, 2…) are disclosure buttons (aria-expanded) under headings one level deeper each; trackable
 * items carry their status controls, the rest is plain text. Items show their printed label and
 * attributes (ItemAttributes.tsx).
 */
import { useId, type ReactNode } from 'react';
import type { ItemStatusRecord, PlanProgress } from '@db';
import type { PlanNode } from '@domain/plan-types';
import { treeKey, useIsExpanded, useTreeStore } from '@state';
import { labelledText } from '@domain/plan-tree';
import { Highlight } from '@ui/Highlight';
import { ItemAttributes, ItemLabel } from './ItemAttributes';
import { ItemRow } from './ItemRow';
import type { ItemActivity } from './item-activities';
import { ProgressMeter } from './ProgressMeter';

export interface TreeContext {
  planId: string;
  unitCode: string;
  periodKey: string;
  statuses: ReadonlyMap<string, ItemStatusRecord>;
  /** Activities logged per item for the unit and period (item-activities.ts). */
  activities: ReadonlyMap<string, readonly ItemActivity[]>;
  progress: PlanProgress;
  query: string;
  /** Nodes a search shows, or null for all. */
  visible: Set<string> | null;
}

const NO_ACTIVITIES: readonly ItemActivity[] = [];

function hasTrackable(node: PlanNode): boolean {
  return node.trackable || node.children.some(hasTrackable);
}

/** Sections and groups with something to tick are open until closed; I and II start closed. */
export function openByDefault(node: PlanNode): boolean {
  return hasTrackable(node);
}

/** Heading levels: h2 for the top of the tree, one deeper for each level below, at most h6. */
type HeadingLevel = 2 | 3 | 4 | 5 | 6;
const deeper = (level: HeadingLevel): HeadingLevel => Math.min(6, level + 1) as HeadingLevel;

function Disclosure({
  node,
  ctx,
  level,
  children,
}: {
  node: PlanNode;
  ctx: TreeContext;
  level: HeadingLevel;
  children: ReactNode;
}) {
  const bodyId = useId();
  const stored = useIsExpanded(ctx.planId, node.id, openByDefault(node));
  const setExpanded = useTreeStore((s) => s.setExpanded);
  // A search opens every part that holds a match.
  const open = ctx.visible ? true : stored;
  const progress = ctx.progress.byNode[node.id];
  const H = `h${level}` as const;
  return (
    <div className={node.kind === 'group' ? 'plan-group' : node.kind === 'part' ? 'plan-section plan-part' : 'plan-section'}>
      <H className="node-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls={bodyId}
          disabled={ctx.visible !== null}
          onClick={() => setExpanded(treeKey(ctx.planId, node.id), !open)}
        >
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="heading-text">
            <Highlight text={labelledText(node)} query={ctx.query} />
          </span>
        </button>
        {progress && <ProgressMeter progress={progress} />}
      </H>
      <ItemAttributes node={node} />
      <div id={bodyId} hidden={!open} className="node-body">
        {open && children}
      </div>
    </div>
  );
}

function Leaf({ node, ctx, level }: { node: PlanNode; ctx: TreeContext; level: HeadingLevel }) {
  if (ctx.visible && !ctx.visible.has(node.id)) return null;
  const sub = node.children.length > 0 ? <NodeList nodes={node.children} ctx={ctx} level={level} /> : null;
  if (node.trackable) {
    return (
      <>
        <ItemRow
          node={node}
          planId={ctx.planId}
          unitCode={ctx.unitCode}
          periodKey={ctx.periodKey}
          record={ctx.statuses.get(node.id)}
          activities={ctx.activities.get(node.id) ?? NO_ACTIVITIES}
          query={ctx.query}
        />
        {sub && <li className="sub-list">{sub}</li>}
      </>
    );
  }
  return (
    <li className="plain-item">
      <span className="item-id">{node.id}</span> <ItemLabel node={node} />
      <span className="item-text"><Highlight text={node.text} query={ctx.query} /></span>
      <ItemAttributes node={node} />
      {sub}
    </li>
  );
}

function NodeList({ nodes, ctx, level }: { nodes: readonly PlanNode[]; ctx: TreeContext; level: HeadingLevel }) {
  const out: ReactNode[] = [];
  let leaves: PlanNode[] = [];
  const flush = () => {
    if (leaves.length === 0) return;
    const batch = leaves;
    leaves = [];
    out.push(
      <ul className="item-list" key={`l-${batch[0]!.id}`}>
        {batch.map((n) => (
          <Leaf key={n.id} node={n} ctx={ctx} level={level} />
        ))}
      </ul>,
    );
  };
  for (const node of nodes) {
    if (node.kind === 'group' || node.kind === 'section' || node.kind === 'part') {
      flush();
      if (ctx.visible && !ctx.visible.has(node.id)) continue;
      out.push(
        <Disclosure key={node.id} node={node} ctx={ctx} level={level}>
          <NodeList nodes={node.children} ctx={ctx} level={deeper(level)} />
        </Disclosure>,
      );
    } else {
      leaves.push(node);
    }
  }
  flush();
  return <>{out}</>;
}

export function PlanTree({ sections, ctx }: { sections: readonly PlanNode[]; ctx: TreeContext }) {
  return (
    <div className="plan-tree">
      {sections.map((s) =>
        ctx.visible && !ctx.visible.has(s.id) ? null : (
          <Disclosure key={s.id} node={s} ctx={ctx} level={2}>
            <NodeList nodes={s.children} ctx={ctx} level={3} />
          </Disclosure>
        ),
      )}
    </div>
  );
}
