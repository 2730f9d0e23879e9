/**
 * A labelled Select over a list of names (sheets, tiers, leaders …), each name its own value.
 * Fixed leading options (“none”, “auto”, “all”) are passed as children and come first.
 */
import * as React from "react";
import type { JSX } from "react";
import { Field, Select } from "@fluentui/react-components";

export interface NamePickerProps {
  label: string;
  value: string;
  names: readonly string[];
  onChange: (value: string) => void;
  /** Also set the label as the Select's aria-label. */
  labelSelect?: boolean;
  className?: string;
  disabled?: boolean;
  size?: "small" | "medium" | "large";
  children?: React.ReactNode;
}

export function NamePicker({ label, value, names, onChange, labelSelect, className, disabled, size, children }: NamePickerProps): JSX.Element {
  return (
    <Field label={label} className={className}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} aria-label={labelSelect ? label : undefined} disabled={disabled} size={size}>
        {children}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}
