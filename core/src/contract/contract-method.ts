/** One host method of the contract: what the page sends and what the host answers. */
export type Method<Req, Res> = { readonly req: Req; readonly res: Res };
