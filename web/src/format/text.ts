/** "Payments" → "Payments'", "Checkout" → "Checkout's" */
export function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}
