/**
 * Run-time half of `@salesforce/label/c.<Name>`: each label import is a module whose default export
 * is `label(name)`, the text for the page's locale with English as the fallback (as the platform
 * falls back to the default language when a translation is missing).
 */
import table from '@workbench/label-table';
import { workbenchLocale } from './locale';

export function label(name: string): string {
  const text = table[workbenchLocale()]?.[name] ?? table.en_US?.[name];
  if (text === undefined) {
    console.warn(`Workbench: custom label c.${name} does not exist`);
    return `{!$Label.c.${name}}`;
  }
  return text;
}
