let emails = 0

/** An address no test has signed up with yet: accounts live as long as the backend. */
export const freshEmail = (prefix = 'user') => `${prefix}${++emails}-${Date.now()}@example.com`
