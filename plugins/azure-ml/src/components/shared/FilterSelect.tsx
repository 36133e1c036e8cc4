import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** A compact select for a card header; the empty value stands for "all". */
export function FilterSelect(props: {
  label: string;
  allLabel: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  const { label, allLabel, value, options, onChange } = props;
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label={label}
      value={value}
      onChange={e => onChange(e.target.value as string)}
      style={{ minWidth: 170 }}
      SelectProps={{ displayEmpty: true }}
      InputLabelProps={{ shrink: true }}
    >
      <MenuItem value="">{allLabel}</MenuItem>
      {options.map(option => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}
