// What the entity index says of a case, reduced to what the screen shows: the entities seen in
// other cases (most cases first), those matching a closed seizure, and near names to decide on.
import type { EntityMatches, Section } from "./bindings";

/** Cases at other ports naming each entity, as the server counts them, by `entityKey`. */
export type Elsewhere = Map<string, number>;

/** How an entity is known across answers: its kind and key. */
export const entityKey = (e: { kind: string; key: string }) => `${e.kind}:${e.key}`;

/** Entities another case names (here or, by the server's count, at another port), or that have
 * near names to decide on: most cases first. */
export function worthShowing(entities: EntityMatches[], elsewhere: Elsewhere = new Map()): EntityMatches[] {
  return entities
    .filter((e) => e.case_count > 0 || e.suggestions.length > 0 || (elsewhere.get(entityKey(e)) ?? 0) > 0)
    .sort((a, b) => b.case_count - a.case_count || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}

/** Entities named by a closed case whose goods were seized: warned about at the top of the file. */
export function seizedBefore(entities: EntityMatches[]): EntityMatches[] {
  return entities.filter((e) => e.seized_before);
}

/** The name to show for an entity: as recorded in this case (the first way, when several). */
export function shownName(entity: EntityMatches): string {
  return entity.shown[0] ?? entity.key;
}

/** The element id of an entity's entry in the part, for the warning's link. */
export function entityId(entity: EntityMatches): string {
  return `entity-${entity.kind}-${entity.key.replace(/[^\p{L}\p{N}]+/gu, "-")}`;
}

/** Entities read from a section's own fields (no entry): the container and vessel of the
 * transport, the transport document of the declaration. */
export function caseLevel(entities: EntityMatches[] | null, section: Section): EntityMatches[] {
  const kinds: Partial<Record<Section, EntityMatches["kind"][]>> = {
    transport: ["container", "vessel"],
    declaration: ["transport_document"],
  };
  const wanted = kinds[section] ?? [];
  return (entities ?? []).filter((e) => e.items.length === 0 && wanted.includes(e.kind));
}
