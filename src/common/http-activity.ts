import type { NextFunction, Request, Response } from 'express';

/**
 * How many HTTP requests this process is answering right now. Background work with a backlog
 * (auto-QA scoring jobs) runs at full speed only while there are none, so that people using
 * the app — an import, a page — are not slowed down by the machine catching up.
 */
let inFlight = 0;

export function trackHttpActivity(_req: Request, res: Response, next: NextFunction): void {
  inFlight++;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    inFlight--;
  };
  res.on('finish', end);
  res.on('close', end);
  next();
}

export function httpRequestsInFlight(): number {
  return inFlight;
}
