using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameIndexByteOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => UseCollation(migrationBuilder, "C");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => UseCollation(migrationBuilder, "default");

        /// <summary>
        /// Both columns of a table in one statement, so that its primary key is rebuilt once; the rows stay as they are.
        /// Changing a column's type drops its statistics, and with no rows changed nothing would gather them again soon:
        /// without them the planner cannot tell a rare run from a common one (ADR 24), so they are gathered here.
        /// </summary>
        private static void UseCollation(MigrationBuilder migrationBuilder, string collation)
        {
            foreach (var (table, gram) in new[] { ("NameGrams", 2), ("NameTrigrams", 3) })
            {
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "Gram" TYPE character varying({gram}) COLLATE "{collation}", ALTER COLUMN "Uscc" TYPE character varying(18) COLLATE "{collation}";""");
                migrationBuilder.Sql($"""ANALYZE "{table}";""");
            }
        }
    }
}
