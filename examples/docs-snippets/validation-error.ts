import { ValidationError } from '@eduset/core/common';
import { createNetwork } from '@eduset/core/network';

try {
  createNetwork({ id: 'town', name: 'Город', organizations: [{ id: 'school-1' }] });
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  for (const issue of error.issues.slice(0, 2)) {
    console.log(issue.path.join('.'), '—', issue.message.ru, '/', issue.message.en);
  }
}
