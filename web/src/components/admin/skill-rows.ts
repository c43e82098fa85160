// Skills as the API has them ({ sales: 5 }) and as rows to edit.
import type { SkillRow } from './SkillRows.vue';

export const toRows = (skills: Record<string, number> | undefined): SkillRow[] =>
  Object.entries(skills ?? {}).map(([skill, level]) => ({ skill, level }));

export const fromRows = (rows: SkillRow[]): Record<string, number> =>
  Object.fromEntries(rows.filter((r) => r.skill.trim()).map((r) => [r.skill.trim(), r.level]));
