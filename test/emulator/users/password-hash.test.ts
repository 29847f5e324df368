import assert from "node:assert/strict";
import { bcryptBase64, createPasswordHasher } from "../../../emulator/services/users/password-hash.js";
import { BCRYPT_HASH } from "../../helpers/error-bodies.js";

describe("user-service: BCrypt-shaped password hashes", () => {
  it("encodes with BCrypt's own base64 alphabet, 16 bytes → 22 and 23 bytes → 31 characters", () => {
    assert.equal(bcryptBase64(new Uint8Array(16)), "......................");
    assert.equal(bcryptBase64(new Uint8Array(23).fill(0xff)), "9".repeat(30) + "6");
    assert.equal(bcryptBase64(Uint8Array.from([0x00, 0x10, 0x83])), "./AB");
    assert.equal(bcryptBase64(new Uint8Array(23)).length, 31);
  });

  it("gives $2a$10$ + 53 characters, different on every call for the same password", () => {
    const hash = createPasswordHasher();
    const hashes = Array.from({ length: 50 }, () => hash("password1"));
    for (const value of hashes) assert.match(value, BCRYPT_HASH);
    assert.equal(new Set(hashes).size, 50);
  });

  it("takes its salt from the random source it is given", () => {
    const zeros = createPasswordHasher((buffer) => buffer.fill(0));
    const a = zeros("same");
    assert.equal(a.slice(7, 29), "......................");
    assert.equal(zeros("same"), a);
    assert.notEqual(zeros("other"), a);
  });
});
