/**
 * The Apex ↔ component contract: request and response shapes of every `@AuraEnabled` method,
 * declared once. Components import these types; the Apex DTOs mirror them field for field and
 * `scripts/check-contract.mjs` (part of `npm test`) fails when the two drift apart.
 *
 * Conventions: Apex `String`/`Id`/`Date`/`Datetime` ↔ `string`, `Integer`/`Decimal`/`Long` ↔
 * `number`, `Boolean` ↔ `boolean`, `List<T>` ↔ `T[]`. A field that Apex may leave null is typed
 * `T | null`.
 */
export {};
