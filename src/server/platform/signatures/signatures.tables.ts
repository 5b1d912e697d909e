export interface SignaturesTable {
  id: string;
  signer_id: string;
  signer_username: string;
  signer_name: string;
  signed_at: Date;
  meaning: string;
  comment: string | null;
  record_type: string;
  record_id: string;
  record_hash: string;
  request_id: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    signatures: SignaturesTable;
  }
}
