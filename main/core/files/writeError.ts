/**
 * Why a file the technician chose could not be written, as the end of a sentence
 * ("… could not be saved to D: <reason>."). One list of causes for every
 * "Save as…" in the app (diagnostics, printed work orders), so a new cause is
 * worded once.
 */
export function whyCannotWrite(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'this computer does not allow writing there';
    case 'ENOENT':
      return 'that folder does not exist';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EBUSY':
      return 'the file is open in another program';
    default:
      return 'the file could not be written';
  }
}
