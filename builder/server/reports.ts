/**
 * Content Security Policy violation reports, kept in memory so a browser test can ask whether
 * any arrived. Bounded: a page stuck in a loop of violations cannot grow the server.
 */
export interface CspReport {
  receivedAt: string;
  /** `report-uri` (application/csp-report) or `report-to` (application/reports+json). */
  via: 'report-uri' | 'report-to';
  body: unknown;
}

const MAX_REPORTS = 200;

export class CspReports {
  private reports: CspReport[] = [];
  private dropped = 0;

  add(contentType: string, text: string): number {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return 0;
    }
    const via = contentType.startsWith('application/reports+json') ? 'report-to' : 'report-uri';
    const bodies = via === 'report-to' && Array.isArray(parsed) ? parsed : [parsed];
    for (const body of bodies) {
      if (this.reports.length >= MAX_REPORTS) this.dropped++;
      else this.reports.push({ receivedAt: new Date().toISOString(), via, body });
    }
    return bodies.length;
  }

  list(): { reports: CspReport[]; dropped: number } {
    return { reports: [...this.reports], dropped: this.dropped };
  }

  clear(): void {
    this.reports = [];
    this.dropped = 0;
  }
}
