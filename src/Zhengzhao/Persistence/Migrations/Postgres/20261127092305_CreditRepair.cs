using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CreditRepair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityEndedOn",
                table: "Penalties",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CreditRepairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenTargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Statement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRepairs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairs_DepartmentCode_State_AppliedOn",
                table: "CreditRepairs",
                columns: new[] { "DepartmentCode", "State", "AppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairs_OpenTargetId",
                table: "CreditRepairs",
                column: "OpenTargetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairs_Uscc",
                table: "CreditRepairs",
                column: "Uscc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditRepairs");

            migrationBuilder.DropColumn(
                name: "PublicityEndedOn",
                table: "Penalties");
        }
    }
}
