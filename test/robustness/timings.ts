// The time each input took, reported (never asserted) at the end of a test file.
export class Timings {
  private readonly times: Array<{ what: string; milliseconds: number }> = [];

  record(what: string, milliseconds: number): void {
    this.times.push({ what, milliseconds });
  }

  get count(): number {
    return this.times.length;
  }

  /** `N inputs; longest: NAME 1234 ms; then …` */
  summary(): string {
    const sorted = [...this.times].sort((a, b) => b.milliseconds - a.milliseconds);
    const top = sorted.slice(0, 3).map(({ what, milliseconds }) => `${what} ${Math.round(milliseconds)} ms`);
    return `${this.times.length} inputs; longest: ${top.join(', then ')}`;
  }
}
