import { describe, expect, it } from 'vitest';
import { whyCannotWrite } from '../../main/core/files/writeError';

const failure = (code?: string) => Object.assign(new Error('write failed'), code ? { code } : {});

describe('why a chosen file could not be written', () => {
  it.each([
    ['EACCES', 'this computer does not allow writing there'],
    ['EPERM', 'this computer does not allow writing there'],
    ['ENOENT', 'that folder does not exist'],
    ['ENOSPC', 'the disk is full'],
    ['EBUSY', 'the file is open in another program'],
  ])('%s reads as "%s"', (code, words) => {
    expect(whyCannotWrite(failure(code))).toBe(words);
  });

  it('an error without a known cause still ends the sentence plainly', () => {
    expect(whyCannotWrite(failure())).toBe('the file could not be written');
    expect(whyCannotWrite(failure('EIO'))).toBe('the file could not be written');
  });
});
