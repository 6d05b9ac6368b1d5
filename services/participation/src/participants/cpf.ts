/** Brazilian CPF: 11 digits whose last two are check digits (mod 11). Formatting (dots, dash) is ignored. */
export function normalizeCpf(value: string): string | null {
  const digits = value.replace(/[.\-\s]/g, "");
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return null;
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]) ? digits : null;
}

/** "***.***.*47-25": enough for a person to recognise their own number, not enough to reveal it. */
export const maskCpf = (lastDigits: string) => `***.***.**${lastDigits.slice(0, 1)}-${lastDigits.slice(1)}`;
