import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { presetInput, presetPolicy } from '../rules/presets/index';
import { PRESET_IDS } from '../rules/presets/ids';
import { openDb, type MarkwiseDb } from './db';
import { readManaged } from './managed';
import { MarkwiseStore } from './store';

// Issue 13 item 3: the policy's school code table travels with the policy (export, import,
// managed storage) unchanged, and a table with a mistake is refused whole, changing nothing.

const opened: MarkwiseDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function makeStore(managed?: unknown) {
  const db = openDb(`markwise-test-${crypto.randomUUID()}`);
  opened.push(db);
  return new MarkwiseStore(db, { defaultPolicyId: 'dfe', now: () => new Date('2025-11-26T08:00:00Z'), ...(managed === undefined ? {} : { managed: async () => managed }) });
}

const TABLE = [
  { code: 'I01', dfe: 'I', name: "Illness: doctor's note seen" },
  { code: '7', dfe: 'X', name: 'Not required to attend (COVID-era code)' },
];

const ourSchool = () => ({ ...presetInput('micklefield'), id: 'our-school', schoolName: 'Our School', schoolCodes: TABLE });

describe("the policy's school codes travel with it", () => {
  it('export, then import into another browser: the same table, and the policy checks by it', async () => {
    const first = makeStore();
    expect((await first.savePolicy(ourSchool(), 'edited')).ok).toBe(true);
    const text = await first.exportPolicy('our-school');
    expect(JSON.parse(text!).schoolCodes).toEqual(TABLE);

    const second = makeStore();
    const imported = await second.importPolicyFile(text!);
    expect(imported.ok ? imported.policy.schoolCodes : imported.problems).toEqual(TABLE);
    expect((await second.activePolicy()).input).toMatchObject({ schoolCodes: TABLE });
    expect(JSON.parse((await second.exportPolicy('our-school'))!).schoolCodes).toEqual(TABLE);
  });

  it('an import whose table has a mistake changes nothing and says which entry and field', async () => {
    const store = makeStore();
    const bad = { ...ourSchool(), schoolCodes: [...TABLE, { code: 'L', dfe: 'U', name: 'Late' }] };
    const result = await store.importPolicyFile(JSON.stringify(bad));
    expect(result).toEqual({ ok: false, problems: [{ path: 'school code 3, the code', message: "L is a DfE code already: the table is for the school's own codes" }] });
    expect(await store.listPolicies()).toHaveLength(5);
    expect((await store.activePolicy()).id).toBe('dfe');
  });

  it("an administrator's policy carries its table; one with a mistake in the table is not used, and the problem is said", async () => {
    const good = readManaged({ managedBy: 'Oak Trust IT', policy: JSON.stringify(ourSchool()) });
    expect(good.problems).toEqual([]);
    expect(good.policyInput).toMatchObject({ schoolCodes: TABLE });
    const store = makeStore({ managedBy: 'Oak Trust IT', policy: JSON.stringify(ourSchool()) });
    expect((await store.activePolicy()).input).toMatchObject({ id: 'our-school', schoolCodes: TABLE });

    const bad = readManaged({ policy: JSON.stringify({ ...ourSchool(), schoolCodes: [TABLE[0], { code: 'i01', dfe: 'M', name: 'Medical' }] }) });
    expect(bad.policyInput).toBeNull();
    expect(bad.problems).toEqual(["In the policy: School code 2, the code: 'i01' is listed twice, as school codes 1 and 2 (capitals and small letters are read the same): keep one"]);
  });

  it('every preset is still read, each with an empty table', () => {
    for (const id of PRESET_IDS) expect(presetPolicy(id).schoolCodes, id).toEqual([]);
  });
});
