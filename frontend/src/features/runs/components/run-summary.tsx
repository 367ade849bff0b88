/**
 * A project's run facts in the projects list: status, last run and cost so far, as groups of a
 * description list. The runs API does not exist yet, so each is unknown ("—"); this component is
 * where it will be read.
 */
export function RunSummary() {
  return (
    <>
      <div>
        <dt>Status</dt>
        <dd>—</dd>
      </div>
      <div>
        <dt>Last run</dt>
        <dd>—</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>—</dd>
      </div>
    </>
  );
}
