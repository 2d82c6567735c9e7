import { useState } from 'react';
import type { Template } from '../api/types';
import { type MergeMode, mayWriteSubject, planInsert } from '../model/insert';
import { type Problem, toProblem } from '../model/problem';
import { markedBlock, replaceMarkedBlock } from '../model/templateBlock';
import type { ComposeItem, DraftRecipient } from '../office/types';
import type { DraftStore } from './useDraftState';

export type InsertState =
  | { state: 'idle' }
  | { state: 'inserting' }
  | { state: 'refused'; templateId: string; unknownFields: string[] }
  | { state: 'choose'; template: Template; first: DraftRecipient; recipients: number }
  | {
      state: 'inserted';
      templateId: string;
      mode: MergeMode;
      personal: boolean;
      missing: string[];
      mergedFor: DraftRecipient | null;
      /** The rep had written a subject of their own: it was kept. */
      subjectKept: boolean;
      /** An earlier insert was replaced rather than a second copy added. */
      replaced: boolean;
    }
  | { state: 'failed'; problem: Problem };

/** Put the block in the draft: over the earlier insert when there is one, else at the cursor. */
async function writeBody(item: ComposeItem, block: string): Promise<boolean> {
  const replaced = replaceMarkedBlock(await item.getBody(), block);
  if (replaced === null) await item.insertHtml(block);
  else await item.setBody(replaced);
  return replaced !== null;
}

/**
 * Merge the template for the draft's recipients (or keep the tags for "one email each"), write it
 * into the draft, and remember whom it was merged for.
 */
export function useTemplateInsert(item: ComposeItem, store: DraftStore) {
  const [insert, setInsert] = useState<InsertState>({ state: 'idle' });
  async function run(template: Template, choice?: MergeMode): Promise<boolean> {
    setInsert({ state: 'inserting' });
    try {
      const plan = planInsert(template, await item.getRecipients(), choice);
      if (plan.outcome === 'refused') {
        setInsert({ state: 'refused', templateId: template.id, unknownFields: plan.unknownFields });
        return false;
      }
      if (plan.outcome === 'choose') {
        setInsert({ state: 'choose', template, first: plan.first, recipients: plan.recipients });
        return false;
      }
      const remembered = await store.current();
      const writtenBefore = remembered.insert?.subject ?? null;
      const subjectKept = !mayWriteSubject(await item.getSubject(), writtenBefore);
      if (!subjectKept) await item.setSubject(plan.subject);
      const replaced = await writeBody(item, markedBlock(template.id, plan.body));
      const subject = subjectKept ? writtenBefore : plan.subject;
      const { stamp, personal, mode, missing, mergedFor } = plan;
      await store.update((state) => ({ ...state, insert: { stamp, subject, personal } }));
      setInsert({
        state: 'inserted',
        templateId: template.id,
        ...{ mode, personal, missing, mergedFor, subjectKept, replaced },
      });
      return true;
    } catch (error) {
      setInsert({ state: 'failed', problem: toProblem(error) });
      return false;
    }
  }
  return { insert, run };
}
