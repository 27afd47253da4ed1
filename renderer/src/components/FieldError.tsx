/** The sentence under a field that is wrong; linked to it with aria-describedby. */
export const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  ) : null;
