// Jest stand-in for c/relationshipResults (written on another branch).
import { LightningElement, api } from 'lwc';
import type { RelationshipResultStatus } from '@contract';

export default class RelationshipResults extends LightningElement {
  @api results: { id: string; name: string; status: RelationshipResultStatus; message?: string | null }[] =
    [];
  @api override title = '';
}
