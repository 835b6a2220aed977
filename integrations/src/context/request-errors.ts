/**
 * zod issues of a request body as one pt-BR sentence (English after the slash), naming the field,
 * for the agent who typed it. Only the shapes our request schemas use are spelled out.
 */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

const FIELD_NAMES: Record<string, [string, string]> = {
  text: ['texto da nota', 'note text'],
  author: ['autor', 'author'],
  'author.id': ['id do autor', 'author id'],
  'author.name': ['nome do autor', 'author name'],
  kind: ['tipo de busca', 'search kind'],
  value: ['valor buscado', 'search value'],
};

function describe(issue: Issue): [string, string] {
  const path = issue.path.map(String).join('.');
  const [pt, en] = FIELD_NAMES[path] ?? [path || 'corpo', path || 'body'];
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? [`${pt} não pode ficar vazio`, `${en} must not be empty`]
        : [`${pt} é pequeno demais`, `${en} is too small`];
    case 'too_big':
      return issue.origin === 'string'
        ? [
            `${pt} passa de ${String(issue.maximum)} caracteres`,
            `${en} exceeds ${String(issue.maximum)} characters`,
          ]
        : [`${pt} é grande demais`, `${en} is too big`];
    case 'invalid_type':
      return [`${pt} está ausente ou com tipo errado`, `${en} is missing or has the wrong type`];
    case 'invalid_value':
      return [`${pt} tem um valor não aceito`, `${en} has a value that is not accepted`];
    default:
      return [`${pt} é inválido`, `${en} is invalid`];
  }
}

export function describeIssues(issues: readonly Issue[]): string {
  const parts = issues.slice(0, 3).map(describe);
  return `${parts.map((p) => p[0]).join('; ')}. / ${parts.map((p) => p[1]).join('; ')}.`;
}
