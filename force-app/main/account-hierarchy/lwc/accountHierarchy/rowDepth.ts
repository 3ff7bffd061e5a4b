/**
 * How a row shows its depth. Indentation grows up to MAX_INDENTED_LEVEL and then stops, so that the
 * name, the expander and the "This account" badge keep their room in the name column (16rem, the
 * width it has on a 390 px phone) at any depth; deeper rows show their level as a short marker
 * ("L17") and their path from the top as a title and a screen-reader description.
 *
 * Pure functions, no DOM: the component calls them for the few rows it renders.
 */

/**
 * The deepest level that still indents. Six levels of 1.25rem leave 100 px of indentation: in a
 * 256 px name column there remain ~140 px for the expander, the level marker, the badge and at least
 * 4rem of the name. Real hierarchies (ultimate parent, regions, countries, sites, departments) reach
 * 10–15 levels, so from level 7 the marker takes over: "L7", "L8"… at one indentation.
 */
export const MAX_INDENTED_LEVEL = 6;

/** Names kept from the top and from the row's end of a long path; the middle becomes "…". */
const PATH_HEAD = 2;
const PATH_TAIL = 3;
/** Account names are up to 255 characters: each is cut to this length in a path. */
const MAX_NAME_CHARS = 40;
/** Typographic symbols, not words: the same in every language. */
const SEPARATOR = ' › ';
const ELLIPSIS = '…';

/** Indentation per level. */
export const INDENT_REM = 1.25;
/**
 * The level marker's width, margin included (the CSS gives it this as its minimum): it takes the end
 * of a deep row's indentation, so deep rows' expanders line up with level 6's and the name keeps
 * that much more room.
 */
export const LEVEL_MARKER_REM = 2.5;

/** The indentation before a row's expander (or before its level marker on a deep row), in rem. */
export function indentRem(level: number): number {
  const levels = Math.max(0, Math.min(level, MAX_INDENTED_LEVEL) - 1);
  return levels * INDENT_REM - (showsLevel(level) ? LEVEL_MARKER_REM : 0);
}

/** Whether a row is deeper than the indentation shows, and so shows its level instead. */
export function showsLevel(level: number): boolean {
  return level > MAX_INDENTED_LEVEL;
}

function shorten(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS - 1)}${ELLIPSIS}` : name;
}

/**
 * The names from the top down to the row, readable in a tooltip: the first PATH_HEAD, "…", the last
 * PATH_TAIL (the row's own name last), each name cut to MAX_NAME_CHARS.
 */
export function elidePath(names: readonly string[]): string {
  const kept =
    names.length > PATH_HEAD + PATH_TAIL + 1
      ? [...names.slice(0, PATH_HEAD).map(shorten), ELLIPSIS, ...names.slice(-PATH_TAIL).map(shorten)]
      : names.map(shorten);
  return kept.join(SEPARATOR);
}
