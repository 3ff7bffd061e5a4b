/**
 * Exceptions the sample org's Apex stand-ins throw. The platform stand-in
 * (workbench/src/platform/apex.ts) turns them into the error shape components receive.
 */

/** A failure the platform reports to the component as it is (message and exceptionType). */
export class PlatformException extends Error {
  constructor(
    message: string,
    readonly exceptionType: string,
  ) {
    super(message);
  }
}

/** What an `@AuraEnabled` method throws on purpose: the message reaches the component. */
export class AuraHandledException extends PlatformException {
  constructor(message: string) {
    super(message, 'System.AuraHandledException');
  }
}

/**
 * The platform's refusal of an `@AuraEnabled` call when none of the user's profile or permission
 * sets opens the Apex class. The message is the platform's (Winter '21 and later; seen in the
 * wild as "You do not have access to the Apex class named 'X'.").
 */
export class NoApexClassAccessError extends Error {
  constructor(readonly apexClass: string) {
    super(`You do not have access to the Apex class named '${apexClass}'.`);
  }
}

/** A method the component calls but the sample org does not implement yet: a workbench bug. */
export class ApexNotImplementedError extends Error {
  constructor(readonly method: string) {
    super(
      `Workbench: the sample org does not implement Apex method ${method}. ` +
        'Add it to workbench/src/sampleOrg/apex/registry.ts.',
    );
  }
}
