/**
 * Events that leaf components send to the kiosk that composes them. They bubble inside the kiosk's shadow
 * tree and stop there (`composed: false`); the root re-dispatches the public ones of CONTRACT.md.
 */
export class LeafEvent<T> extends Event {
  constructor(
    type: string,
    readonly detail: T,
  ) {
    super(type, { bubbles: true, composed: false });
  }
}
