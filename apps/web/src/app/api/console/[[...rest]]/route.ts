// Any other /api/console path: 401 without the token like every console route (so probing
// reveals nothing about which routes exist), 404 with it.
import { refuseWithoutToken } from "../../../../server/console/console-route.ts";

function handler(request: Request) {
  return refuseWithoutToken(request) ?? Response.json({ error: "No such console route" }, { status: 404 });
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
