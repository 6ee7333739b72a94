import { spacedCode, spelledCode } from './registration-code';
import { manageToken } from './manage-link';

describe(spacedCode.name, () => {
  it('should split a code in two groups of three for reading', () => {
    expect(spacedCode('A7FQWK')).toBe('A7F QWK');
    expect(spacedCode('a7f-qwk')).toBe('A7F QWK');
  });

  it('should spell the code one sign at a time for a screen reader', () => {
    expect(spelledCode('A7FQWK')).toBe('A 7 F Q W K');
  });
});

describe(manageToken.name, () => {
  const token = 'zf5KpiSH3Z2-HaJOJvuJc2JhXbXwzclC7zEAqf3BpMA';

  it('should read the token from the link in the SMS, whatever its origin', () => {
    expect(manageToken(`https://kring.example/mijn-inschrijving#token=${token}`)).toBe(token);
    expect(manageToken(`https://kring.example/mijn-inschrijving?token=${token}`)).toBe(token);
    expect(manageToken(`/mijn-inschrijving?token=${token}`)).toBe(token);
  });

  it('should give null when the link has no usable token', () => {
    expect(manageToken('https://kring.example/mijn-inschrijving')).toBeNull();
    expect(manageToken('https://kring.example/mijn-inschrijving?token=<script>')).toBeNull();
  });
});
