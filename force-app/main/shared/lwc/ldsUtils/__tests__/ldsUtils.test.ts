import { invalidParameterName, isNoApexClassAccess, reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads the message of an Apex AuraHandledException', () => {
    expect(reduceErrors({ status: 500, body: { message: 'No access to Account.' } })).toEqual([
      'No access to Account.',
    ]);
  });

  it('reads page and field errors of a UI API save, in that order', () => {
    const error = {
      body: {
        message: 'An error occurred while trying to update the record.',
        output: {
          errors: [{ message: 'Record was modified by someone else.' }],
          fieldErrors: { EndDate: [{ message: 'End date must be after the start date.' }] },
        },
      },
    };
    expect(reduceErrors(error)).toEqual([
      'Record was modified by someone else.',
      'End date must be after the start date.',
    ]);
  });

  it('reads a list of errors from a batch of requests', () => {
    expect(reduceErrors({ body: [{ message: 'First.' }, { message: 'Second.' }, 'not an object'] })).toEqual([
      'First.',
      'Second.',
    ]);
  });

  it('reads page-level and field-level DML errors', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Insufficient access.' }],
        fieldErrors: { Roles: [{ message: 'Bad role.' }] },
      },
    };
    expect(reduceErrors(error)).toEqual(['Insufficient access.', 'Bad role.']);
  });

  it('reads JavaScript errors, fetch errors and plain strings, and drops duplicates and blanks', () => {
    expect(
      reduceErrors([new Error('Boom'), { statusText: 'Service Unavailable' }, 'Boom', '  ', null, 42]),
    ).toEqual(['Boom', 'Service Unavailable']);
  });

  it('returns nothing for an error without any text, so the caller can show its own message', () => {
    expect(reduceErrors({ body: {} })).toEqual([]);
    expect(reduceErrors(undefined)).toEqual([]);
  });
});

describe('isNoApexClassAccess', () => {
  /** What a component receives when no permission set of the user opens the controller. */
  const refused = (message: string) => ({ status: 500, statusText: 'Server Error', body: { message } });

  it('recognises the platform’s refusal of a class none of the user’s permission sets opens', () => {
    expect(
      isNoApexClassAccess(refused("You do not have access to the Apex class named 'SetupCheckController'.")),
    ).toBe(true);
    expect(isNoApexClassAccess([refused("You don't have access to the Apex class named 'X'.")])).toBe(true);
  });

  it('recognises a translated refusal by the quoted name of a class the component calls, namespaced or not', () => {
    const translated = refused("您无权访问名为 'acrel__AccountHierarchyController' 的 Apex 类。");
    expect(isNoApexClassAccess(translated, ['AccountHierarchyController'])).toBe(true);
    expect(isNoApexClassAccess(translated, ['SetupCheckController'])).toBe(false);
    expect(isNoApexClassAccess(translated)).toBe(false);
  });

  it('leaves every other failure to reduceErrors', () => {
    expect(isNoApexClassAccess(refused('This account doesn’t exist or you don’t have access to it.'))).toBe(
      false,
    );
    expect(isNoApexClassAccess(new Error('Network down'), ['SetupCheckController'])).toBe(false);
    expect(isNoApexClassAccess(undefined)).toBe(false);
  });
});

describe('invalidParameterName', () => {
  it('names the parameter the platform could not deserialise', () => {
    const refused = {
      body: { message: "Value provided is invalid for action parameter 'recordId' of type 'Id'" },
    };
    expect(invalidParameterName(refused)).toBe('recordId');
  });

  it('is null for any other error', () => {
    expect(invalidParameterName({ body: { message: 'No access to Account.' } })).toBeNull();
    expect(
      invalidParameterName(new Error("Value provided is invalid for action parameter 'x' of type 'Id'")),
    ).toBeNull();
    expect(invalidParameterName(undefined)).toBeNull();
  });
});
