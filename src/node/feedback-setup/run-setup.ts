/** Runs the set-up steps in order and writes one line per step: ✔ or ✘, what was found, and what to do. */
import { checkBuildSettings } from './build-settings-step.ts';
import type { SetupContext, SetupStep, StepResult } from './context.ts';
import { checkLabels } from './labels-step.ts';
import { checkRelay } from './relay-check-step.ts';
import { checkRepositorySecrets } from './repository-secrets-step.ts';
import { checkTrustedUsers } from './trusted-users-step.ts';
import { checkWorkflowPermission } from './workflow-step.ts';

/** The steps in the order a team sets things up. */
export const SETUP_STEPS: readonly SetupStep[] = [checkBuildSettings, checkRepositorySecrets, checkLabels, checkTrustedUsers, checkWorkflowPermission, checkRelay];

/** One step as text: `✔ Labels: ...` and, below a failure, `    → what to do`. */
export function formatStepResult(result: StepResult): string {
	return [`${result.isOk ? '✔' : '✘'} ${result.name}: ${result.summary}`, ...result.todo.map((line) => `    → ${line}`)].join('\n');
}

/** Runs every step (a failed one does not stop the rest) and returns the results in order. */
export async function runFeedbackSetup(context: SetupContext, steps: readonly SetupStep[] = SETUP_STEPS): Promise<StepResult[]> {
	const results: StepResult[] = [];
	for (const step of steps) results.push(await step(context));
	return results;
}
