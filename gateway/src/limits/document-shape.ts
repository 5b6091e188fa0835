import { Kind, visit, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** What an operation expands to once its fragments are spread (each fragment measured once). */
export interface DocumentShape {
  /** The most aliases any one operation carries. */
  aliases: number;
  /** The most root fields any one operation selects. */
  rootFields: number;
  /** The deepest field nesting of any operation. */
  depth: number;
  /** Directives written anywhere in the document. */
  directives: number;
}

interface SelectionStats {
  aliases: number;
  depth: number;
  fields: number;
}

const NONE: SelectionStats = { aliases: 0, depth: 0, fields: 0 };

/**
 * Measures a parsed document in one linear pass, before validation: fragments are memoised, so a
 * fragment spread many times (or spreads nested to fan out) costs its size once, while the counts
 * reflect what execution would expand to. Fragment cycles count as empty; validation refuses them.
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SelectionStats>();
  const inProgress = new Set<string>();

  const fragmentStats = (name: string): SelectionStats => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return NONE;
    inProgress.add(name);
    const stats = selectionStats(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, stats);
    return stats;
  };

  const selectionStats = (selectionSet: SelectionSetNode | undefined): SelectionStats => {
    if (!selectionSet) return NONE;
    let aliases = 0;
    let depth = 0;
    let fields = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const child = selectionStats(selection.selectionSet);
        aliases += (selection.alias ? 1 : 0) + child.aliases;
        depth = Math.max(depth, 1 + child.depth);
        fields += 1;
      } else {
        const child =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selectionStats(selection.selectionSet)
            : fragmentStats(selection.name.value);
        aliases += child.aliases;
        depth = Math.max(depth, child.depth);
        fields += child.fields;
      }
    }
    return { aliases, depth, fields };
  };

  const shape: DocumentShape = { aliases: 0, rootFields: 0, depth: 0, directives: countDirectives(document) };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const stats = selectionStats(definition.selectionSet);
    shape.aliases = Math.max(shape.aliases, stats.aliases);
    shape.rootFields = Math.max(shape.rootFields, stats.fields);
    shape.depth = Math.max(shape.depth, stats.depth);
  }
  return shape;
}

function countDirectives(document: DocumentNode): number {
  let count = 0;
  visit(document, { Directive: () => void (count += 1) });
  return count;
}
