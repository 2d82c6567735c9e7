import { useState } from 'react';
import type { Template } from '../api/types';
import { mergeForDraft } from '../model/draft';
import { type Problem, toProblem } from '../model/problem';
import type { ComposeItem, DraftRecipient } from '../office/types';

export type InsertState =
  | { state: 'idle' }
  | { state: 'inserting' }
  | { state: 'inserted'; templateId: string; missing: string[]; mergedFor: DraftRecipient | undefined }
  | { state: 'failed'; problem: Problem };

/** Merge the template against the draft's recipients, then write subject and body into the draft. */
export function useTemplateInsert(item: ComposeItem) {
  const [insert, setInsert] = useState<InsertState>({ state: 'idle' });
  async function run(template: Template): Promise<boolean> {
    setInsert({ state: 'inserting' });
    try {
      const merged = mergeForDraft(template, await item.getRecipients());
      await item.setSubject(merged.subject);
      await item.insertHtml(merged.body);
      setInsert({
        state: 'inserted',
        templateId: template.id,
        missing: merged.missing,
        mergedFor: merged.mergedFor,
      });
      return true;
    } catch (error) {
      setInsert({ state: 'failed', problem: toProblem(error) });
      return false;
    }
  }
  return { insert, run };
}
