// Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2008). Every chart takes its
// colours from here so a series keeps its colour across views and stays distinguishable for
// readers with any common colour-vision deficiency.
export const okabeIto = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

/** Neutral greys for axes, grid lines and tooltips, matching the app's CSS variables. */
export const chartInk = {
  text: "#1f2328",
  mutedText: "#59636e",
  axisLine: "#d1d9e0",
  gridLine: "#eaeef2",
  tooltipBackground: "#ffffff",
} as const;
