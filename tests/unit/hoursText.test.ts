import { describe, expect, it } from 'vitest';
import { addHours, formatElapsed, HOURS_FORMAT_MESSAGE, parseHours, readHours } from '../../shared/domain/hoursText';

/** The Hours field as a technician with gloves types it: decimals, comma decimals, h:mm, and mistakes. */
describe('parseHours', () => {
  it.each([
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['2', 2],
    [' 0.25 ', 0.25],
    ['.5', 0.5],
    [',75', 0.75],
    ['3.', 3],
    ['1:30', 1.5],
    ['0:15', 0.25],
    ['0:45', 0.75],
    ['1:20', 1.33],
    ['0:01', 0.02],
    ['8:00', 8],
    ['24:00', 24],
    ['24', 24],
  ])('reads %j as %d h', (text, hours) => {
    expect(parseHours(text)).toEqual({ ok: true, hours });
  });

  it.each(['abc', '1.5h', '1:3', '1:60', '1:75', ':30', '1:30:00', '1.5.2', '1,000.5', '-1', '+2', '1 30', '1e2', 'Infinity', '0x10', '١٫٥'])(
    'refuses %j with a sentence',
    (text) => {
      expect(parseHours(text)).toEqual({ ok: false, message: HOURS_FORMAT_MESSAGE });
    },
  );

  it('says what is missing when the field is empty', () => {
    expect(parseHours('')).toEqual({ ok: false, message: 'Enter the hours as a number.' });
    expect(parseHours('   ')).toEqual({ ok: false, message: 'Enter the hours as a number.' });
  });

  it.each(['0', '0.0', '0:00', ',0'])('refuses %j as the existing rule says (more than 0)', (text) => {
    expect(parseHours(text)).toEqual({ ok: false, message: 'Enter more than 0 hours.' });
  });

  it.each(['24.01', '25', '24:01', '99:59', '24,5'])('refuses %j as the existing rule says (at most 24)', (text) => {
    expect(parseHours(text)).toEqual({ ok: false, message: 'One entry can be at most 24 hours. Split longer work over several days.' });
  });

  it('agrees with readHours on the number', () => {
    expect(readHours('2:06')).toBe(2.1);
    expect(readHours('nonsense')).toBeNull();
  });
});

describe('addHours (the quick buttons)', () => {
  it('starts from an empty field', () => {
    expect(addHours('', 0.25)).toBe('0.25');
    expect(addHours('  ', 1)).toBe('1');
  });
  it('adds to decimals, comma decimals and h:mm', () => {
    expect(addHours('0.25', 0.5)).toBe('0.75');
    expect(addHours('1,5', 1)).toBe('2.5');
    expect(addHours('1:30', 0.25)).toBe('1.75');
    expect(addHours('1:20', 0.25)).toBe('1.58');
  });
  it('adds in hundredths, without floating-point tails', () => {
    let text = '';
    for (let i = 0; i < 10; i++) text = addHours(text, 0.1)!;
    expect(text).toBe('1');
  });
  it('keeps what was typed when it is not hours', () => {
    expect(addHours('abc', 1)).toBeNull();
  });
  it('leaves the range to parseHours: 24 + 1 is shown, then refused on logging', () => {
    expect(addHours('24', 1)).toBe('25');
    expect(parseHours('25').ok).toBe(false);
  });
});

describe('formatElapsed (the header timer)', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:00'],
    [60_000, '0:01'],
    [65 * 60_000, '1:05'],
    [90 * 60_000 + 59_000, '1:30'],
    [25 * 3_600_000, '25:00'],
    [-5_000, '0:00'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
  it('reads back as the same hours in the Hours field', () => {
    expect(parseHours(formatElapsed(90 * 60_000))).toEqual({ ok: true, hours: 1.5 });
  });
});
