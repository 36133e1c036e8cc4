import TextField from '@material-ui/core/TextField';

/** The backend's limit on request and decision comments (`maxLength` in the contract). */
export const COMMENT_MAX_LENGTH = 2000;

/** An optional free-text comment of a promotion request, decision or rollback. */
export function CommentField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      fullWidth
      multiline
      minRows={2}
      inputProps={{ maxLength: COMMENT_MAX_LENGTH }}
      variant="outlined"
    />
  );
}
