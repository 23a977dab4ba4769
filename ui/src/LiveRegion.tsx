// The live regions the announcer speaks through. They are on the page before anything is said
// (a region that appears with its text is not read by every screen reader). A modal dialog makes
// the page under it inert, its live regions too: each dialog has its own, which says what is
// announced while it is open.
import { useState } from "react";
import { currentAnnouncementId, useAnnouncements } from "./announcer";

export function LiveRegion(props: { testId?: string }) {
  const { polite, assertive } = useAnnouncements();
  // What was said before this region was there is not said again.
  const [since] = useState(currentAnnouncementId);
  const prefix = props.testId ?? "live";
  return (
    <div className="live-region">
      <div role="status" aria-live="polite" data-testid={`${prefix}-polite`}>
        {/* A new node each time, so the same words said again are read again. */}
        {polite && polite.id > since && <p key={polite.id}>{polite.text}</p>}
      </div>
      <div role="alert" aria-live="assertive" data-testid={`${prefix}-assertive`}>
        {assertive && assertive.id > since && <p key={assertive.id}>{assertive.text}</p>}
      </div>
    </div>
  );
}
