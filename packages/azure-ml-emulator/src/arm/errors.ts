/** An ARM failure, rendered as `{ "error": { "code", "message" } }` with its HTTP status. */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ArmError';
  }

  toBody() {
    return { error: { code: this.code, message: this.message } };
  }
}

export function resourceNotFound(
  resourceType: string,
  name: string,
  resourceGroup?: string,
) {
  const where = resourceGroup ? ` under resource group '${resourceGroup}'` : '';
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${resourceType}/${name}'${where} was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function badRequest(message: string, code = 'BadRequest') {
  return new ArmError(400, code, message);
}
