import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** A compact select for a card header; the empty value stands for "all". */
export function FilterSelect<T extends string>(props: {
  label: string;
  allLabel: string;
  value: T | '';
  options: readonly T[];
  onChange: (value: T | '') => void;
}) {
  const { label, allLabel, value, options, onChange } = props;
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label={label}
      value={value}
      onChange={e =>
        onChange(options.find(option => option === e.target.value) ?? '')
      }
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
