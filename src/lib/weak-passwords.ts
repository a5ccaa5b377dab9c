/** Finds the deal passwords below the strength floor; loads zxcvbn's dictionaries (password-strength.ts). */
import type { DealPassword, WeakPassword } from './password-floor.ts';
import { assessPassword, collectRelatedWords } from './password-strength.ts';
import { describePasswordOrigin } from './secrets.ts';

/** Every deal in `passwords` whose password is below the floor; `secretsPath` names the secrets file in messages. */
export function findWeakPasswords(passwords: readonly DealPassword[], secretsPath: string): WeakPassword[] {
	const weak: WeakPassword[] = [];
	for (const deal of passwords) {
		const assessment = assessPassword(deal.password, collectRelatedWords(deal.slug, deal.names));
		if (!assessment.isStrongEnough) weak.push({ ...assessment, slug: deal.slug, file: deal.file, where: describePasswordOrigin(deal.slug, deal.origin, secretsPath) });
	}
	return weak;
}

