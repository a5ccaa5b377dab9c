/** The plan commands behind `npm run plan`: each edits one plan the way a rep would, or says why not. */
import { addAction } from './add-action.ts';
import { addCheckin } from './checkin.ts';
import { markActionDone } from './done.ts';
import { slipAction } from './slip.ts';
import { describeStatus } from './status.ts';
import type { PlanCommand, PlanCommandInput, PlanCommandResult } from './types.ts';

export type { PlanCommand, PlanCommandInput, PlanCommandResult } from './types.ts';

/** Runs `command` on the plan of `input`; a refused command gives every reason and no new text. */
export function runPlanCommand(command: PlanCommand, input: PlanCommandInput): PlanCommandResult {
	switch (command.verb) {
		case 'done':
			return markActionDone(command, input);
		case 'slip':
			return slipAction(command, input);
		case 'checkin':
			return addCheckin(command, input);
		case 'add-action':
			return addAction(command, input);
		case 'status':
			return describeStatus(command, input);
	}
}
